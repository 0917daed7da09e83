"""Read the forms out of a page, as a browser would submit them."""

from html.parser import HTMLParser

TEXT_TYPES = {"text", "search", "email", "url", "tel", "textarea", "password", "number"}


class Form:
    def __init__(self, attrs):
        self.action = attrs.get("action", "")
        self.method = attrs.get("method", "get").lower()
        self.fields = {}  # name -> (type, value, options)

    @property
    def text_fields(self):
        return [n for n, (kind, _v, _o) in self.fields.items() if kind in TEXT_TYPES]

    def values(self):
        data = {}
        for name, (kind, value, options) in self.fields.items():
            if kind == "select":
                data[name] = value if value is not None else (options[0] if options else "")
            elif kind in ("checkbox", "radio", "submit"):
                continue
            else:
                data[name] = value or ""
        return data


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms, self.form, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form = Form(attrs)
            self.forms.append(self.form)
        if self.form is None or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            self.form.fields[attrs["name"]] = (attrs.get("type", "text"), attrs.get("value"), [])
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.form.fields[attrs["name"]] = ("textarea", "", [])
        elif tag == "select":
            self.select = attrs["name"]
            self.form.fields[attrs["name"]] = ("select", None, [])
        elif tag == "option" and self.select:
            kind, value, options = self.form.fields[self.select]
            options.append(attrs.get("value", ""))
            if "selected" in attrs:
                value = attrs.get("value", "")
            self.form.fields[self.select] = (kind, value, options)
        elif tag == "button" and attrs.get("value") is not None:
            self.form.fields.setdefault(attrs["name"], ("hidden", attrs["value"], []))

    def handle_data(self, data):
        if self.form and self.textarea:
            kind, value, options = self.form.fields[self.textarea]
            self.form.fields[self.textarea] = (kind, (value or "") + data, options)

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def forms_in(html):
    parser = _Parser()
    parser.feed(html)
    return parser.forms
