import '@testing-library/jest-dom';

// Form tests type into several fields with user-event; on a loaded 2-core CI
// machine running every package's tests in parallel one of them can take
// over jest's 5 s default without anything being wrong.
jest.setTimeout(30_000);
