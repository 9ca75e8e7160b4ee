// Bare Nest on Fastify: one GET route, no auth, no logging. The floor for Steward's public route.
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { decorateClass, decorateMethod } from './nest-decorators.mjs';

class HelloController {
  hello() {
    return { status: 'ok' };
  }
}
decorateMethod(HelloController, 'hello', Get());
decorateClass(HelloController, Controller('hello'));

class AppModule {}
decorateClass(AppModule, Module({ controllers: [HelloController] }));

const app = await NestFactory.create(AppModule, new FastifyAdapter(), { logger: false });
await app.listen(Number(process.env.PORT), '127.0.0.1');
