var sum = 0;
for (var i = 0; i < 1000000; i++) { sum = (sum + i * 2) % 1000003; }
sum;
