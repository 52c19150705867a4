import Link from "next/link";

export default function LandingPage() {
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-24">
      <h1 className="text-4xl font-semibold tracking-tight">Recordings in. Tool-call training data out.</h1>
      <p className="max-w-2xl text-lg text-zinc-600 dark:text-zinc-400">
        Tracepipe turns recordings of people using Gmail, Google Calendar and GitHub into JSONL fine-tuning
        examples where every action they took is the right MCP tool call with the right arguments.
      </p>
      <div className="flex gap-3">
        <Link className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white" href="/sign-up">
          Get started
        </Link>
        <Link className="rounded-md border border-zinc-300 px-4 py-2 font-medium" href="/sign-in">
          Log in
        </Link>
      </div>
    </main>
  );
}
