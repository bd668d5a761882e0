/**
 * Lets the page handle input and paint before the next part of a long piece of work (an import's
 * slices, a report's rows). Through a message rather than a timer: the
 * browser holds a chain of timers to 4 ms each, which over the two hundred slices of a 50,000-line
 * import would leave the page idle for most of a second.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
