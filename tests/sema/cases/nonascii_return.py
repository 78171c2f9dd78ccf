x = "é"; return
