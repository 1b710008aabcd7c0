# Five workers, two permits: never more than two inside at once.
import multiprocessing
import time


def use_permit(permits, number):
    with permits:
        print("worker", number, "inside")
        time.sleep(0.1)


if __name__ == "__main__":
    permits = multiprocessing.Semaphore(2)
    workers = [multiprocessing.Process(target=use_permit, args=(permits, n)) for n in range(5)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
