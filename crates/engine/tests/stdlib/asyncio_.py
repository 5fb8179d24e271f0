import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return name * 2

async def main():
    results = await asyncio.gather(worker("slow", 0.03), worker("fast", 0.01))
    print(results)
    task = asyncio.create_task(worker("task", 0))
    print(await task)
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
    except TimeoutError:
        print("timed out")

asyncio.run(main())
