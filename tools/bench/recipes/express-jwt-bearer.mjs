// Reference recipe 1: Express + express-oauth2-jwt-bearer, as Auth0's Express API quickstart writes it.
import express from 'express';
import { auth } from 'express-oauth2-jwt-bearer';

const app = express();
const checkJwt = auth({ issuerBaseURL: process.env.ISSUER, audience: process.env.AUDIENCE });
app.get('/api/me', checkJwt, (req, res) => {
  res.json({ sub: req.auth.payload.sub });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
