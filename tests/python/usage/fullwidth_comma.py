# Prose pasted into code brought a full-width comma.
sizes = (1， 2)
print(sizes)
