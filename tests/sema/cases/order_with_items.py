with (yield) as __debug__, a: pass
