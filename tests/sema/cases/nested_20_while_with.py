while x:
 while x:
  while x:
   while x:
    while x:
     while x:
      while x:
       while x:
        while x:
         while x:
          while x:
           while x:
            while x:
             while x:
              while x:
               while x:
                while x:
                 while x:
                  while x:
                   with a, b:
                    pass
