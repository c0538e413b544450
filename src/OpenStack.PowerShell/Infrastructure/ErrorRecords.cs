using System.Net;
using OpenStack.Client.Auth;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Config;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// Turns the client's exceptions into ErrorRecords with stable ids named &lt;Noun&gt;&lt;Problem&gt;
    /// (ImageNotFound, ImageConflict, AuthenticationFailed…) and the category a script can test.
    /// The message is the exception's: the server's own words and request id, never a stack trace.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, string noun, object? target)
        {
            var (id, category) = Classify(exception, noun);
            var record = new ErrorRecord(exception, id, category, target);
            var requestId = (exception as OpenStackException)?.RequestId;
            if (requestId != null)
            {
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = $"Quote request id {requestId} to the cloud's operators if the cause is unclear." };
            }
            return record;
        }

        /// <summary>"Creating image 'web-1' failed: …" as the shown message, unless the exception already names <paramref name="name"/>.</summary>
        public static void Name(ErrorRecord record, string doing, string name)
        {
            if (record.Exception.Message.Contains(name)) return;
            var recommended = record.ErrorDetails?.RecommendedAction;
            record.ErrorDetails = new ErrorDetails($"{doing} '{name}' failed: {record.Exception.Message}") { RecommendedAction = recommended };
        }

        /// <summary>A service's refusal under an ErrorId of its own, keeping the service's message and request id (From's details).</summary>
        public static ErrorRecord Specific(Exception exception, string id, ErrorCategory category, string noun, object? target) =>
            new ErrorRecord(exception, id, category, target) { ErrorDetails = From(exception, noun, target).ErrorDetails };

        public static ErrorRecord Create(string id, ErrorCategory category, string message, object? target) =>
            new ErrorRecord(new InvalidOperationException(message), id, category, target);

        private static (string Id, ErrorCategory Category) Classify(Exception exception, string noun)
        {
            switch (exception)
            {
                case ResourceNotFoundException nf: return (nf.Noun.ErrorNoun + "NotFound", ErrorCategory.ObjectNotFound);
                case AmbiguousNameException am: return (am.Noun.ErrorNoun + "NameAmbiguous", ErrorCategory.InvalidArgument);
                case ResourceInUseException inUse: return (inUse.Noun.ErrorNoun + "InUse", ErrorCategory.ResourceBusy);
                case ImageInputException input: return ("Image" + input.Problem, input.Problem == ImageInputProblem.FileNotFound ? ErrorCategory.ObjectNotFound
                    : input.Problem == ImageInputProblem.FileUnreadable ? ErrorCategory.PermissionDenied : ErrorCategory.InvalidArgument);
                case ImageDataException data: return ("Image" + data.Problem, data.Problem == ImageDataProblem.HasNoData ? ErrorCategory.InvalidOperation : ErrorCategory.InvalidResult);
                case Client.Image.V2.Imports.ImageImportException import: return ("Image" + import.Problem, ImportCategory(import.Problem));
                case ImageUploadException upload when upload.InnerException is ImageDataException: return Classify(upload.InnerException, noun);
                case ImageUploadException upload: return ("ImageUploadFailed", upload.InnerException == null ? ErrorCategory.WriteError : Classify(upload.InnerException, noun).Category);
                case CloudConfigException config: return (config.Problem == CloudConfigProblem.CloudNotFound ? "CloudNotFound" : "CloudConfig" + config.Problem,
                    config.Problem == CloudConfigProblem.Malformed ? ErrorCategory.ParserError : ErrorCategory.ObjectNotFound);
                case ServerStateConflictException _: return ("ServerStateConflict", ErrorCategory.InvalidOperation);
                case ServerWaitTimeoutException _: return ("ServerWaitTimeout", ErrorCategory.OperationTimeout);
                case ServerFaultException _: return ("ServerFault", ErrorCategory.InvalidResult);
                case NotKeystoneException _: return ("AuthUrlNotKeystone", ErrorCategory.InvalidArgument);
                case EndpointNotFoundException _: return ("EndpointNotFound", ErrorCategory.ObjectNotFound);
                case OpenStackConnectionException tls when tls.IsCertificateError: return ("TlsCertificateUntrusted", ErrorCategory.SecurityError);
                case OpenStackConnectionException _: return ("ServiceUnreachable", ErrorCategory.ConnectionError);
                // Nova says 403 and Glance 413 (Neutron 409) for an exceeded quota: the words tell it from a refusal.
                case OpenStackApiException quota when IsQuotaAnswer(quota): return (noun + "QuotaExceeded", ErrorCategory.QuotaExceeded);
                case OpenStackApiException api: return FromStatus(api.StatusCode, noun);
                case ArgumentException _: return (noun + "ArgumentInvalid", ErrorCategory.InvalidArgument);
                case OpenStackException _: return (noun + "Failed", ErrorCategory.InvalidResult);
                case System.IO.IOException _: return (noun + "FileError", ErrorCategory.WriteError);
                case UnauthorizedAccessException _: return (noun + "FileAccessDenied", ErrorCategory.PermissionDenied);
                default: return (noun + "Failed", ErrorCategory.NotSpecified);
            }
        }

        private static ErrorCategory ImportCategory(Client.Image.V2.Imports.ImageImportProblem problem)
        {
            switch (problem)
            {
                case Client.Image.V2.Imports.ImageImportProblem.UriInvalid:
                case Client.Image.V2.Imports.ImageImportProblem.UriRefused: return ErrorCategory.InvalidArgument;
                case Client.Image.V2.Imports.ImageImportProblem.StoreNotFound:
                case Client.Image.V2.Imports.ImageImportProblem.NotInStore:
                case Client.Image.V2.Imports.ImageImportProblem.MemberNotFound: return ErrorCategory.ObjectNotFound;
                case Client.Image.V2.Imports.ImageImportProblem.AlreadyInStore: return ErrorCategory.ResourceExists;
                case Client.Image.V2.Imports.ImageImportProblem.StoresNotSupported: return ErrorCategory.NotImplemented;
                case Client.Image.V2.Imports.ImageImportProblem.ImportTimeout: return ErrorCategory.OperationTimeout;
                case Client.Image.V2.Imports.ImageImportProblem.ImportFailed:
                case Client.Image.V2.Imports.ImageImportProblem.StoreImportFailed:
                case Client.Image.V2.Imports.ImageImportProblem.Killed: return ErrorCategory.InvalidResult;
                default: return ErrorCategory.InvalidOperation;
            }
        }

        private static (string, ErrorCategory) FromStatus(HttpStatusCode status, string noun) => (int)status switch
        {
            400 => (noun + "RequestInvalid", ErrorCategory.InvalidArgument),
            401 => ("AuthenticationFailed", ErrorCategory.AuthenticationError),
            403 => (noun + "Forbidden", ErrorCategory.PermissionDenied),
            404 => (noun + "NotFound", ErrorCategory.ObjectNotFound),
            409 => (noun + "Conflict", ErrorCategory.InvalidOperation),
            413 => (noun + "QuotaExceeded", ErrorCategory.QuotaExceeded),
            415 => (noun + "RequestInvalid", ErrorCategory.InvalidArgument),
            429 => (noun + "RateLimited", ErrorCategory.LimitsExceeded),
            _ when (int)status >= 500 => (noun + "ServiceError", ErrorCategory.ResourceUnavailable),
            _ => (noun + "RequestFailed", ErrorCategory.NotSpecified),
        };

        private static bool IsQuotaAnswer(OpenStackApiException api) =>
            ((int)api.StatusCode == 403 || (int)api.StatusCode == 413 || (int)api.StatusCode == 409) &&
            (api.ServerMessage ?? api.Message).IndexOf("quota exceeded", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
