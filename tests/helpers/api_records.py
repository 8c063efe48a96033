"""Legislature API records for the loopback tests, BUILT here (not captured from the API).

Each keeps the field names and shapes of real records: a document record starts from the
real S.997 record the corpus keeps (corpus/raw/193-s997.json: Title, BillNumber, DocketNumber,
GeneralCourtNumber, PrimarySponsor, Cosponsors, JointSponsor, BillHistory, LegislationTypeName,
Pinslip, EmergencyPreamble, RollCalls, Attachments, CommitteeRecommendations, Amendments,
DocumentText) with some values replaced; a history is a JSON list of {Date, Branch, Action,
IsStricken}, as /DocumentHistoryActions answers; a session-law record has the fields of the
records of /api/SessionLaws/{year} (Year, ChapterNumber, Type, ApprovalType, Title, Status,
ApprovedDate, ChapterText, OriginBill {BillNumber, DocketNumber, Title, PrimarySponsor,
Cosponsors, JointSponsor, GeneralCourtNumber, Details, IsDocketBookOnly}).
"""

from __future__ import annotations

import http.server
import json
import threading

from . import ROOT
S997 = ROOT / "corpus" / "raw" / "193-s997.json"
API = "https://malegislature.gov/api"
JSON = {"Content-Type": "application/json; charset=utf-8"}


def document(court: int, number: str, text: str | None, pinslip: str | None = None,
             title: str = "An Act to protect the civil rights and safety of all Massachusetts residents",
             docket: str | None = None) -> bytes:
    record = json.loads(S997.read_bytes().decode("utf-8-sig"))
    record.update({
        "Title": title, "BillNumber": number, "DocketNumber": docket, "GeneralCourtNumber": court,
        "BillHistory": f"{API}/GeneralCourts/{court}/Documents/{number}/DocumentHistoryActions",
        "Pinslip": pinslip, "DocumentText": text, "CommitteeRecommendations": [], "Amendments": [],
    })
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def history(*actions: tuple[str, str, str]) -> bytes:
    """(date, branch, action) -> the API's history list."""
    return json.dumps([{"Date": d, "Branch": b, "Action": a, "IsStricken": False} for d, b, a in actions],
                      ensure_ascii=False).encode("utf-8")


def session_law(year: int, chapter: str, origin: str, court: int, text_html: str, title: str,
                approved: str, status: str) -> dict:
    return {"Year": year, "ChapterNumber": chapter, "Type": "Acts", "ApprovalType": "Executive approval (signed)",
            "Title": title, "Status": status, "ApprovedDate": approved, "ChapterText": text_html,
            "OriginBill": {"BillNumber": origin, "DocketNumber": None, "Title": title.capitalize(),
                           "PrimarySponsor": None, "Cosponsors": [], "JointSponsor": None,
                           "GeneralCourtNumber": court,
                           "Details": f"{API}/GeneralCourts/{court}/Documents/{origin}",
                           "IsDocketBookOnly": False}}


def bill_text(*sections: str) -> str:
    """DocumentText's layout: one paragraph per line, each starting with a tab, CRLF line ends."""
    return "".join(f"\t{s}\r\n" for s in sections)


class Server:
    """Loopback HTTP server: path -> list of (status, headers, body), answered in turn (the last
    one again and again). Counts requests per path."""

    def __init__(self):
        self.routes: dict[str, list[tuple[int, dict, bytes]]] = {}
        self.hits: dict[str, int] = {}
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.hits[self.path] = server.hits.get(self.path, 0) + 1
                answers = server.routes.get(self.path) or [(404, {}, b"<html><title>Not Found</title></html>")]
                status, headers, body = answers.pop(0) if len(answers) > 1 else answers[0]
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.http.server_address[1]}"

    def json(self, path: str, body: bytes) -> None:
        self.routes[path] = [(200, JSON, body)]

    def bill(self, court: int, number: str, record: bytes, actions: bytes = b"[]") -> None:
        self.json(f"/api/GeneralCourts/{court}/Documents/{number}", record)
        self.json(f"/api/GeneralCourts/{court}/Documents/{number}/DocumentHistoryActions", actions)

    def close(self):
        self.http.shutdown()
        self.http.server_close()
