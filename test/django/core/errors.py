"""The app's own exception classes: their unqualified names are the error types smsmon must report."""


class TwilioSendError(Exception):
    pass


class AIProviderUnavailable(Exception):
    pass


class ReportError(Exception):
    pass
