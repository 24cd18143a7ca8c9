# expect: function-too-long
def build_report(source, rows):
    total_0 = source.get('total_0', 0)
    total_1 = source.get('total_1', 1)
    total_2 = source.get('total_2', 2)
    total_3 = source.get('total_3', 3)
    total_4 = source.get('total_4', 4)
    total_5 = source.get('total_5', 5)
    total_6 = source.get('total_6', 6)
    total_7 = source.get('total_7', 7)
    total_8 = source.get('total_8', 8)
    total_9 = source.get('total_9', 9)
    total_10 = source.get('total_10', 10)
    total_11 = source.get('total_11', 11)
    total_12 = source.get('total_12', 12)
    total_13 = source.get('total_13', 13)
    total_14 = source.get('total_14', 14)
    total_15 = source.get('total_15', 15)
    total_16 = source.get('total_16', 16)
    total_17 = source.get('total_17', 17)
    total_18 = source.get('total_18', 18)
    total_19 = source.get('total_19', 19)
    lines = []
    for row in rows:
        lines.append(row.get('col_0', total_0))
        lines.append(row.get('col_1', total_1))
        lines.append(row.get('col_2', total_2))
        lines.append(row.get('col_3', total_3))
        lines.append(row.get('col_4', total_4))
        lines.append(row.get('col_5', total_5))
        lines.append(row.get('col_6', total_6))
        lines.append(row.get('col_7', total_7))
        lines.append(row.get('col_8', total_8))
        lines.append(row.get('col_9', total_9))
        lines.append(row.get('col_10', total_10))
        lines.append(row.get('col_11', total_11))
        lines.append(row.get('col_12', total_12))
        lines.append(row.get('col_13', total_13))
        lines.append(row.get('col_14', total_14))
        lines.append(row.get('col_15', total_15))
        lines.append(row.get('col_16', total_16))
        lines.append(row.get('col_17', total_17))
        lines.append(row.get('col_18', total_18))
        lines.append(row.get('col_19', total_19))
    summary = {
        'total_0': total_0,
        'total_1': total_1,
        'total_2': total_2,
        'total_3': total_3,
        'total_4': total_4,
        'total_5': total_5,
        'total_6': total_6,
        'total_7': total_7,
        'total_8': total_8,
        'total_9': total_9,
        'total_10': total_10,
        'total_11': total_11,
        'total_12': total_12,
        'total_13': total_13,
        'total_14': total_14,
        'total_15': total_15,
        'total_16': total_16,
        'total_17': total_17,
        'total_18': total_18,
        'total_19': total_19,
    }
    return lines, summary


class Importer:
    # expect: function-too-long
    def load(self, source):
        # Read the settings first.
        setting_0 = source.get('setting_0', 0)
        setting_1 = source.get('setting_1', 1)
        setting_2 = source.get('setting_2', 2)
        setting_3 = source.get('setting_3', 3)
        setting_4 = source.get('setting_4', 4)
        setting_5 = source.get('setting_5', 5)
        setting_6 = source.get('setting_6', 6)
        setting_7 = source.get('setting_7', 7)
        setting_8 = source.get('setting_8', 8)
        setting_9 = source.get('setting_9', 9)
        setting_10 = source.get('setting_10', 10)
        setting_11 = source.get('setting_11', 11)
        setting_12 = source.get('setting_12', 12)
        setting_13 = source.get('setting_13', 13)
        setting_14 = source.get('setting_14', 14)
        setting_15 = source.get('setting_15', 15)
        setting_16 = source.get('setting_16', 16)
        setting_17 = source.get('setting_17', 17)
        setting_18 = source.get('setting_18', 18)
        setting_19 = source.get('setting_19', 19)
        setting_20 = source.get('setting_20', 20)
        setting_21 = source.get('setting_21', 21)
        setting_22 = source.get('setting_22', 22)
        setting_23 = source.get('setting_23', 23)
        setting_24 = source.get('setting_24', 24)
        if source.get('strict'):
            self.check_0(setting_0)
            self.check_1(setting_1)
            self.check_2(setting_2)
            self.check_3(setting_3)
            self.check_4(setting_4)
            self.check_5(setting_5)
            self.check_6(setting_6)
            self.check_7(setting_7)
            self.check_8(setting_8)
            self.check_9(setting_9)
            self.check_10(setting_10)
            self.check_11(setting_11)
        # Then apply them.
        self.apply_0(setting_0)
        self.apply_1(setting_1)
        self.apply_2(setting_2)
        self.apply_3(setting_3)
        self.apply_4(setting_4)
        self.apply_5(setting_5)
        self.apply_6(setting_6)
        self.apply_7(setting_7)
        self.apply_8(setting_8)
        self.apply_9(setting_9)
        self.apply_10(setting_10)
        self.apply_11(setting_11)
        self.apply_12(setting_12)
        self.apply_13(setting_13)
        self.apply_14(setting_14)
        self.apply_15(setting_15)
        self.apply_16(setting_16)
        self.apply_17(setting_17)
        self.apply_18(setting_18)
        self.apply_19(setting_19)
        self.apply_20(setting_20)
        self.apply_21(setting_21)
        self.apply_22(setting_22)
        self.apply_23(setting_23)
        self.apply_24(setting_24)
        return self


# expect: function-too-long
async def sync_all(source, client):
    page_0 = source.get('page_0', 0)
    page_1 = source.get('page_1', 1)
    page_2 = source.get('page_2', 2)
    page_3 = source.get('page_3', 3)
    page_4 = source.get('page_4', 4)
    page_5 = source.get('page_5', 5)
    page_6 = source.get('page_6', 6)
    page_7 = source.get('page_7', 7)
    page_8 = source.get('page_8', 8)
    page_9 = source.get('page_9', 9)
    page_10 = source.get('page_10', 10)
    page_11 = source.get('page_11', 11)
    page_12 = source.get('page_12', 12)
    page_13 = source.get('page_13', 13)
    page_14 = source.get('page_14', 14)
    page_15 = source.get('page_15', 15)
    page_16 = source.get('page_16', 16)
    page_17 = source.get('page_17', 17)
    page_18 = source.get('page_18', 18)
    page_19 = source.get('page_19', 19)
    page_20 = source.get('page_20', 20)
    page_21 = source.get('page_21', 21)
    page_22 = source.get('page_22', 22)
    page_23 = source.get('page_23', 23)
    page_24 = source.get('page_24', 24)
    page_25 = source.get('page_25', 25)
    page_26 = source.get('page_26', 26)
    page_27 = source.get('page_27', 27)
    page_28 = source.get('page_28', 28)
    page_29 = source.get('page_29', 29)
    await client.send(page_0)
    await client.send(page_1)
    await client.send(page_2)
    await client.send(page_3)
    await client.send(page_4)
    await client.send(page_5)
    await client.send(page_6)
    await client.send(page_7)
    await client.send(page_8)
    await client.send(page_9)
    await client.send(page_10)
    await client.send(page_11)
    await client.send(page_12)
    await client.send(page_13)
    await client.send(page_14)
    await client.send(page_15)
    await client.send(page_16)
    await client.send(page_17)
    await client.send(page_18)
    await client.send(page_19)
    await client.send(page_20)
    await client.send(page_21)
    await client.send(page_22)
    await client.send(page_23)
    await client.send(page_24)
    await client.send(page_25)
    await client.send(page_26)
    await client.send(page_27)
    await client.send(page_28)
    await client.send(page_29)
    await client.send(page_30)
