"""`python -m briefing.serve`, with one switch for the benchmark: `--no-preheat`.

Everything else (voila.json, template, handlers, websocket filter) is the product's own
code path, so a page served with and without preheated kernels differs in that alone.
"""

from __future__ import annotations

import sys

from briefing import serve


def main(argv: list[str]) -> int:
    preheat = "--no-preheat" not in argv
    args = serve._parse([a for a in argv if a != "--no-preheat"])
    if preheat:
        return serve.run(args)
    serve.prepare_environment()
    app = serve.make_app_class().instance(config=serve.base_config())
    app.initialize(serve.build_argv(args.notebook, port=args.port, host=args.host)
                   + ["--VoilaConfiguration.preheat_kernel=False"])

    def announce() -> None:
        print(f"briefing: serving {args.notebook} at http://{args.host}:{app.port}/", flush=True)

    from tornado.ioloop import IOLoop

    IOLoop.current().add_callback(announce)
    app.start()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
