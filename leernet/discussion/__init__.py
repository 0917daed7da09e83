"""Discussion on proposals: a thread under every published decision through its voting
window, each comment said about the version of the proposal it was written on.
"""
