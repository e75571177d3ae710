print("jifang")
