import json


def import_users(paths, db):
    for path in paths:
        if path.endswith(".json"):
            with open(path) as fh:
                try:
                    # expect: deep-nesting
                    if fh.readable():
                        db.add(json.load(fh))
                except ValueError:
                    db.rollback()


class Scheduler:
    def run(self, queue):
        while queue:
            job = queue.pop()
            if job.ready:
                for step in job.steps:
                    if step.enabled:
                        # expect: deep-nesting
                        for attempt in range(3):
                            if step.run(attempt):
                                break
            else:
                queue.append(job)


def route(message, handlers):
    match message.kind:
        case "event":
            if message.payload:
                for handler in handlers:
                    while handler.busy:
                        # expect: deep-nesting
                        if handler.wait(1.0):
                            handler.cancel()
        case _:
            return None


async def drain(streams):
    async with streams.lock:
        async for stream in streams:
            if stream.open:
                with stream.reader() as reader:
                    # expect: deep-nesting
                    async for chunk in reader:
                        await streams.forward(chunk)
