def build(b): pass
