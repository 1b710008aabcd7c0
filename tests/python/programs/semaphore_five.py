# Five workers, two permits: never more than two inside at once. They all ask together.
import multiprocessing
import time


def use_permit(permits, arrived, go, number):
    arrived.put(number)
    go.wait()
    with permits:
        print("worker", number, "inside")
        time.sleep(0.3)


if __name__ == "__main__":
    permits = multiprocessing.Semaphore(2)
    arrived = multiprocessing.Queue()
    go = multiprocessing.Event()
    workers = [multiprocessing.Process(target=use_permit, args=(permits, arrived, go, n))
               for n in range(5)]
    for w in workers:
        w.start()
    for _ in workers:
        arrived.get()
    go.set()
    for w in workers:
        w.join()
