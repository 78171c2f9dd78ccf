for x in y:
 for x in y:
  for x in y:
   for x in y:
    for x in y:
     for x in y:
      for x in y:
       for x in y:
        for x in y:
         for x in y:
          for x in y:
           for x in y:
            for x in y:
             for x in y:
              for x in y:
               for x in y:
                for x in y:
                 for x in y:
                  for x in y:
                   try:
                    pass
                   except E:
                    pass
