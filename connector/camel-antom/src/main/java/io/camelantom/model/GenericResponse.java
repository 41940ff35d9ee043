package io.camelantom.model;

/** Response of an API the connector does not model (operation {@code call}): only {@code result} is typed, every other field is in the additional properties. Unknown fields are kept. */
public class GenericResponse extends AntomResponse {

}
