# apply_async, map and imap on a pool of two, and a result that is not ready in time.
import multiprocessing
import time


def cube(n):
    return n * n * n


def slow(seconds):
    time.sleep(seconds)
    return "late"


if __name__ == "__main__":
    with multiprocessing.Pool(2) as workers:
        single = workers.apply_async(cube, (4,))
        print("apply_async:", single.get(timeout=10))
        print("map:", workers.map(cube, [1, 2, 3]))
        print("imap:", list(workers.imap(cube, [5, 6])))
        pending = workers.apply_async(slow, (2.0,))
        try:
            pending.get(timeout=0.2)
        except multiprocessing.TimeoutError:
            print("not ready in time")
        workers.terminate()
