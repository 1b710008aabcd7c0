# A producer that never stops and a consumer that never stops: only a timeout ends it.
import multiprocessing
import time


def produce(items):
    n = 0
    while True:
        items.put(n)
        n += 1
        time.sleep(0.05)


if __name__ == "__main__":
    items = multiprocessing.Queue()
    multiprocessing.Process(target=produce, args=(items,), daemon=True).start()
    while True:
        items.get()
