print("before");
function fail() {
  null.property;
}
fail();
