await 0; print("C");
