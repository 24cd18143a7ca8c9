import time


def boot(api, flavor):
    server = api.post_server({"flavor": flavor})
    # expect: commented-out-code
    # api.wait_for(server, "ACTIVE")
    return server


def migrate(api, server):
    # expect: commented-out-code
    # if server["host"] == "host1":
    #     target = "host2"
    # else:
    #     target = "host1"
    # api.live_migrate(server, target)
    api.live_migrate(server, None)


# expect: commented-out-code
# import pdb
# pdb.set_trace()


def poll(api, server):
    for attempt in range(10):
        # Wait for the server to become active.
        # expect: commented-out-code
        #status = api.get_server(server)["status"]
        #print(attempt, status)
        time.sleep(0.5)


# expect: commented-out-code
# def old_poll(api, server):
#     return api.get_server(server)["status"]
