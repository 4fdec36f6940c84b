// The host and CLI land with the e-mail backbone issue.
return 0;
