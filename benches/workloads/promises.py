import asyncio
N = 100000
async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(N + 1)]
    for i in range(N):
        futs[i].add_done_callback(lambda f, n=futs[i + 1]: n.set_result(f.result() + 1))
    futs[0].set_result(0)
    assert await futs[N] == N
asyncio.run(main())
