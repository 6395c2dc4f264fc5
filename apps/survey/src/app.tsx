import { useEffect, useState } from "react";

interface CurrentWave {
  id: number;
  title: string;
}

export function App() {
  const [wave, setWave] = useState<CurrentWave | null | undefined>(undefined);
  useEffect(() => {
    fetch("/api/waves/current")
      .then((response) => (response.ok ? response.json() : null))
      .then(setWave, () => setWave(null));
  }, []);
  return (
    <main>
      <h1>{wave ? wave.title : "居民满意度调查"}</h1>
      {wave === null ? <p>目前没有正在进行的调查。</p> : <p>感谢您参加本次调查。</p>}
    </main>
  );
}
