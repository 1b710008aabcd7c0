# Two counters: one incremented under its lock, one without; and an array of scores.
import multiprocessing


def bump(safe, unsafe, scores, slot):
    for _ in range(3):
        with safe.get_lock():
            safe.value += 1
        unsafe.value += 1
    scores[slot] = slot * 10


if __name__ == "__main__":
    # two objects made on one line are named after their own targets
    safe, unsafe = multiprocessing.Value("i", 0), multiprocessing.Value("i", 0)
    scores = multiprocessing.Array("i", 3)
    ratio = multiprocessing.Value("d", 0.5)
    helpers = [multiprocessing.Process(target=bump, args=(safe, unsafe, scores, k))
               for k in range(3)]
    for h in helpers:
        h.start()
    for h in helpers:
        h.join()
    ratio.value = ratio.value * 3
    print("safe:", safe.value, "scores:", list(scores), "ratio:", ratio.value)
