"""Bytes in, Document out: one module per format plus the format sniffer."""
