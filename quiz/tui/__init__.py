"""The Textual app: the only package that imports textual. It shows and forwards; the
rules live in quiz.session, the data in quiz.packs and quiz.scores."""
