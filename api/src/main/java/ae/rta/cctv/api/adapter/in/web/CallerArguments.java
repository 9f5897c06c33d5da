package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the {@link Caller} and the {@link RequestOrigin} as parameters. */
final class CallerArguments implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class || parameter.getParameterType() == RequestOrigin.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (parameter.getParameterType() == RequestOrigin.class) {
            return Requests.origin(request);
        }
        return Requests.caller(request)
                .orElseThrow(() -> ProblemException.unauthorized("This route needs a valid bearer access token."));
    }
}
