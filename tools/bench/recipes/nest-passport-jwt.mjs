// Reference recipe 2, "the classic": Nest on Express + passport-jwt + jwks-rsa's passportJwtSecret,
// as Auth0's NestJS guides write it (JwtStrategy, AuthGuard('jwt') on the route).
import { Controller, Get, Injectable, Module, Req, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { decorateClass, decorateMethod, decorateParameter } from './nest-decorators.mjs';

const { ISSUER, AUDIENCE, PORT } = process.env;

class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      secretOrKeyProvider: passportJwtSecret({
        cache: true,
        rateLimit: true,
        jwksRequestsPerMinute: 5,
        jwksUri: `${ISSUER}.well-known/jwks.json`,
      }),
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      audience: AUDIENCE,
      issuer: ISSUER,
      algorithms: ['RS256'],
    });
  }

  validate(payload) {
    return payload;
  }
}
decorateClass(JwtStrategy, Injectable());

class MeController {
  me(request) {
    return { sub: request.user.sub };
  }
}
decorateParameter(MeController, 'me', 0, Req());
decorateMethod(MeController, 'me', Get('me'), UseGuards(AuthGuard('jwt')));
decorateClass(MeController, Controller('api'));

class AppModule {}
decorateClass(AppModule, Module({ imports: [PassportModule], controllers: [MeController], providers: [JwtStrategy] }));

const app = await NestFactory.create(AppModule, { logger: false });
await app.listen(Number(PORT), '127.0.0.1');
