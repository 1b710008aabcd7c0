# Workers append squares to a list a Manager keeps, and report back through a Pipe of ours.
import multiprocessing


def square_into(shared, n, reply):
    shared.append(n * n)
    reply.send(n)


if __name__ == "__main__":
    done_here, done_there = multiprocessing.Pipe()
    with multiprocessing.Manager() as manager:
        squares = manager.list()
        workers = [multiprocessing.Process(target=square_into, args=(squares, n, done_there))
                   for n in range(3)]
        for w in workers:
            w.start()
        for w in workers:
            done_here.recv()
            w.join()
        print("squares:", sorted(squares))
