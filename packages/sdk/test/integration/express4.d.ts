// Express 4 is installed under this alias next to Express 5; its API is typed the same way here.
declare module 'express4' {
  import express from 'express';
  export default express;
}
