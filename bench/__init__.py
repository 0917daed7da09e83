"""The benchmark (``make bench``) and the real-server tools the load tests share."""
