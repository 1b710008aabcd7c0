# A question goes down the pipe, an answer comes back up: both ends send and receive.
import multiprocessing


def answerer(conn):
    question = conn.recv()
    conn.send(question.upper())
    conn.send("bye")
    conn.close()


if __name__ == "__main__":
    here, there = multiprocessing.Pipe()
    helper = multiprocessing.Process(target=answerer, args=(there,))
    helper.start()
    here.send("ping")
    print("reply:", here.recv())
    print("then:", here.recv())
    helper.join()
