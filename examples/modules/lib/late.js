export default "loaded later";
