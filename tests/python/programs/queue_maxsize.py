# A fast producer and a slow consumer share a queue that holds at most two items.
import multiprocessing
import time


def produce(box):
    for n in range(6):
        box.put("item-%d" % n)
    box.put(None)


def consume(box):
    while True:
        item = box.get()
        if item is None:
            break
        time.sleep(0.05)
        print("consumed", item)


if __name__ == "__main__":
    box = multiprocessing.Queue(maxsize=2)
    producer = multiprocessing.Process(target=produce, args=(box,))
    consumer = multiprocessing.Process(target=consume, args=(box,))
    producer.start()
    consumer.start()
    producer.join()
    consumer.join()
