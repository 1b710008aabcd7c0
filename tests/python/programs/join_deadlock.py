# The child's 1 MB item cannot leave its feeder thread until someone reads it, and
# MainProcess joins the child before reading: neither can go on.
import multiprocessing


def send_big(results):
    results.put("X" * 1000000)


if __name__ == "__main__":
    results = multiprocessing.Queue()
    child = multiprocessing.Process(target=send_big, args=(results,))
    child.start()
    child.join()
    print(len(results.get()))
