import { onBeforeUnmount, ref } from 'vue';

/** 「读给我听」 with the phone's own speech, where it has a Chinese voice engine at all. */
export function useSpeech() {
  const supported = typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function';
  const speaking = ref(false);

  function stop(): void {
    if (!supported) return;
    window.speechSynthesis.cancel();
    speaking.value = false;
  }

  function speak(text: string): void {
    if (!supported) return;
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.85;
    const voice = window.speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').toLowerCase().startsWith('zh'));
    if (voice) utterance.voice = voice;
    utterance.onend = () => (speaking.value = false);
    utterance.onerror = () => (speaking.value = false);
    speaking.value = true;
    window.speechSynthesis.speak(utterance);
  }

  onBeforeUnmount(stop);
  return { supported, speaking, speak, stop };
}
