export declare const ROOT: string;
export declare const CLIENT_DIST: string;
export declare const SERVER_BUNDLE: string;
export declare function clientIsStale(): boolean;
export declare function serverIsStale(): boolean;
export declare function buildClient(): Promise<void>;
export declare function buildServer(): Promise<void>;
export declare function buildStale(): Promise<string[]>;
