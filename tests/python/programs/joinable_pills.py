# Two consumers take jobs until they find a None pill; the producer waits with join().
import multiprocessing


def consume(jobs):
    while True:
        job = jobs.get()
        if job is None:
            jobs.task_done()
            break
        print("handled", job)
        jobs.task_done()


if __name__ == "__main__":
    jobs = multiprocessing.JoinableQueue()
    consumers = [multiprocessing.Process(target=consume, args=(jobs,)) for _ in range(2)]
    for c in consumers:
        c.start()
    for job in ["a", "b", "c", "d"]:
        jobs.put(job)
    for _ in consumers:
        jobs.put(None)
    jobs.join()
    print("all jobs done")
    for c in consumers:
        c.join()
