/** The API's typed configuration, built once from the environment by `loadApiConfig`. */
export interface ApiConfig {
  env: 'development' | 'test' | 'production';
  http: {
    host: string;
    port: number;
    corsOrigins: string[];
  };
  auth: {
    /** Exactly the `iss` Auth0 puts in tokens: an absolute URL ending with `/`. */
    issuer: string;
    audience: string;
    rolesClaim: string;
  };
  management: {
    domain: string;
    clientId: string;
    clientSecret: string;
  };
  database: {
    url: string;
  };
}
