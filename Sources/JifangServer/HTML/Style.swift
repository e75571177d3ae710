/// The one style sheet, served at /static/jifang.css: no external fonts or CDNs, the machine room
/// may have no Internet (Art. 117).
enum Style {
    static let css = """
        :root{--fg:#1d2733;--muted:#5c6b7a;--line:#d8dee6;--bg:#f5f7fa;--card:#fff;--ok:#1f8f4e;--warn:#b7791f;
        --bad:#c53030;--accent:#2b6cb0}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.45 system-ui,"Noto Sans CJK SC","Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
        header{display:flex;align-items:center;gap:1.2em;padding:.6em 1.2em;background:#1d2733;color:#fff;flex-wrap:wrap}
        header a{color:#dbe6f3;text-decoration:none}header a[aria-current]{color:#fff;border-bottom:2px solid #63b3ed}
        .brand{font-weight:700;font-size:1.1em;color:#fff}nav{display:flex;gap:1em;flex:1}
        .who{color:#cbd5e0}.inline{display:inline}header button{background:none;border:1px solid #718096;color:#fff;
        border-radius:4px;padding:.2em .6em;cursor:pointer}
        main{padding:1.2em;max-width:1200px;margin:0 auto}
        h1{font-size:1.4em;margin:.2em 0 .8em}h2{font-size:1.1em;margin:0 0 .6em}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(270px,1fr));gap:1em;margin-bottom:1em}
        .card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1em;overflow-x:auto}
        .wide{grid-column:1/-1}
        table{width:100%;border-collapse:collapse;background:var(--card)}th,td{text-align:left;padding:.35em .5em;
        border-bottom:1px solid var(--line);vertical-align:top}th{color:var(--muted);font-weight:600}
        .big{font-size:2em;font-weight:700}.muted{color:var(--muted)}
        .state{display:inline-block;padding:0 .5em;border-radius:9px;font-size:.85em;color:#fff}
        .up,.pass,.online{background:var(--ok)}.down,.fail,.critical,.battery{background:var(--bad)}
        .unpolled,.unknown,.info{background:#718096}.warning,.stale{background:var(--warn)}
        .notice{padding:.6em .8em;border-radius:4px;background:#ebf8ff;border:1px solid #90cdf4}
        .notice.error{background:#fff5f5;border-color:#feb2b2}
        form.stack{display:grid;gap:.3em;max-width:420px}form.stack button{margin-top:.6em;justify-self:start}
        input,select{padding:.4em;border:1px solid var(--line);border-radius:4px;font:inherit}
        input[aria-invalid]{border-color:var(--bad)}.field-error{color:var(--bad);font-size:.9em}
        button{padding:.45em 1em;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff;font:inherit}
        svg.chart{width:100%;height:auto;background:#fff}svg text{font-size:11px;fill:#5c6b7a}
        .legend span{margin-right:1em}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em}
        .tabs a{margin-right:.8em}.c0{background:#2b6cb0}.c1{background:#c05621}.c2{background:#2f855a}
        .c3{background:#6b46c1}.c4{background:#b83280}.c5{background:#2c7a7b}
        """
}
