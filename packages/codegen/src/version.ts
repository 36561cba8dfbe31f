/** The generator's version, printed in every banner; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
