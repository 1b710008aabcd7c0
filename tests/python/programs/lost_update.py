# Two processes add one to a shared counter without taking its lock.
import multiprocessing


def add_one(counter):
    counter.value += 1


if __name__ == "__main__":
    counter = multiprocessing.Value("i", 0)
    adders = [multiprocessing.Process(target=add_one, args=(counter,)) for _ in range(2)]
    for a in adders:
        a.start()
    for a in adders:
        a.join()
    print("counter:", counter.value)
