import { useEffect, useState } from 'react';
import { useT } from '../state/i18n';

/**
 * Mutes and unmutes a video that carries a camera's sound. Videos start muted (browsers only autoplay muted video,
 * and a control room with 16 tiles must not talk at once); an operator turns on the one tile they listen to. Shown
 * only for cameras whose sound an administrator has turned on.
 */
export function SoundToggle({ video, testId }: { video: React.RefObject<HTMLVideoElement | null>; testId: string }) {
  const t = useT();
  const [muted, setMuted] = useState(true);
  useEffect(() => {
    if (video.current) video.current.muted = muted;
  }, [muted, video]);
  return (
    <button
      type="button"
      className="pointer-events-auto absolute bottom-1 end-1 rounded bg-black/70 px-2 py-0.5 text-xs"
      data-testid={testId}
      aria-pressed={!muted}
      title={muted ? t('soundOn') : t('soundOff')}
      onClick={(e) => {
        e.stopPropagation();
        setMuted((m) => !m);
      }}
    >
      {muted ? '🔇' : '🔊'} {muted ? t('soundOn') : t('soundOff')}
    </button>
  );
}
