# MainProcess gets back the items it put itself (still in its own queue's buffer: a large
# one, Ellipsis), then an item a child put, then uses a JoinableQueue and a closed queue.
import multiprocessing


def child(box):
    box.put("from the child")


if __name__ == "__main__":
    box = multiprocessing.Queue()
    box.put(1)
    box.put("X" * 200000)
    box.put(...)
    print(box.get(), len(box.get()), box.get())
    worker = multiprocessing.Process(target=child, args=(box,))
    worker.start()
    print(box.get())
    worker.join()
    jobs = multiprocessing.JoinableQueue()
    jobs.put("job")
    print(jobs.get())
    jobs.task_done()
    jobs.join()
    box.close()
    try:
        box.get()
    except ValueError:
        print("closed")
